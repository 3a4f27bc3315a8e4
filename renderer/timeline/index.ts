// The timeline area: what the panel layout imports.
export { Timeline } from './timeline';
