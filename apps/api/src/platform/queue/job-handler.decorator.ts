import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job-catalog.js';

export const JOB_HANDLER_KEY = 'tessera:job-handler';

/** Marks a provider method as the handler of one job. Processors stay thin and call a service. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER_KEY, name);
