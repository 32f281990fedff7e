// The signed-in business user's open todos, loaded once for the menu's badges and the home page's
// card, and reloaded when the page changes or after a decision (reload()).
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { api, type TodoList } from './api.ts';
import { type Loaded, useLoad } from './hooks.ts';

const TodoContext = createContext<Loaded<TodoList> | null>(null);

export function TodoProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const { pathname } = useLocation();
  const todos = useLoad(async () => (enabled ? api.todos() : undefined), [enabled]);
  const { reload } = todos;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page may follow a change that settles todos
  useEffect(() => {
    if (enabled) void reload();
  }, [pathname]);
  useEffect(() => {
    if (!enabled) return;
    const h = window.setInterval(() => void reload(), 60_000);
    return () => window.clearInterval(h);
  }, [enabled, reload]);
  return <TodoContext.Provider value={todos as Loaded<TodoList>}>{children}</TodoContext.Provider>;
}

export function useTodos(): Loaded<TodoList> {
  const v = useContext(TodoContext);
  if (!v) throw new Error('useTodos outside TodoProvider');
  return v;
}
