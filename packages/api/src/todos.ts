// The one todo list (待办): the contract of /api/todos.
import { Enum, IdParams, Nullable, type Static, Timestamp, Type } from './common.ts';

export const TODO_KINDS = ['approval', 'return', 'deadline', 'notice'] as const;
export const TodoKind = Enum(TODO_KINDS);
export type TodoKind = Static<typeof TodoKind>;

export const Todo = Type.Object({
  id: Type.String(),
  kind: TodoKind,
  /** The module the todo comes from (its name in the module list). */
  module: Type.String(),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  title: Type.String(),
  /** Where the web app shows the subject (a page path). */
  link: Nullable(Type.String()),
  dueAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type Todo = Static<typeof Todo>;

export const TodoList = Type.Object({
  items: Type.Array(Todo),
  total: Type.Integer(),
  counts: Type.Object({
    approval: Type.Integer(),
    return: Type.Integer(),
    deadline: Type.Integer(),
    notice: Type.Integer(),
  }),
});
export type TodoList = Static<typeof TodoList>;

/** A stored notice's id. */
export const TodoParams = IdParams;
