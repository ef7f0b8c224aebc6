// Pure Kubernetes column and selector logic shared by the simulated cluster's Table output and
// Berth's views, so both print exactly what kubectl prints.
export * from './age';
export * from './pod-status';
export * from './node-status';
export * from './service-columns';
export * from './label-selector';
export * from './field-selector';
export * from './workload-columns';
export * from './storage-columns';
export * from './network-columns';
export * from './quantity';
export * from './kinds';
export type * from './types';
