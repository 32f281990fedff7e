import { defineWebModule } from '../../app/module.ts';
import { messages } from './messages.ts';

// The people table and form, shared by the organisations and roles pages: no page of its own.
export default defineWebModule({ name: 'people', routes: [], menu: [], messages });
