// The warnings area: what the panel layout imports.
export { WarningsList } from './warnings-list';
