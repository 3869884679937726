export * from './job-data.validator';
export * from './queue.contract';
