// The timeline area: what the panel layout imports (the warnings list sits with the timeline).
export { Timeline } from './timeline';
export { WarningsList } from '../warnings/warnings-list';
