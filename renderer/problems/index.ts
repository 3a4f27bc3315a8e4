// The Problems list (beside the timeline): what the panel layout imports.
export { ProblemsList } from './problems-list';
