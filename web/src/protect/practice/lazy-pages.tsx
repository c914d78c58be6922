import { lazyPage } from '../lazy-page.js';

export const PracticeRoute = lazyPage(
  async () => (await import('./practice-page.js')).PracticePage,
);
export const ExercisesRoute = lazyPage(
  async () => (await import('./exercises-page.js')).ExercisesPage,
);
