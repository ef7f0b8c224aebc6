export { InstallerService, type InstallerDeps } from './installer-service';
