// The connection controls area: what the panel layout imports.
export { ConnectionControls } from './connection-controls';
export { SettingsForm } from './settings-form';
export { StorageView } from './storage-view';
export { AppLifeControls } from './app-life-controls';
export { ProjectPanel } from './project-panel';
