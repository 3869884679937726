import { createWorkerApp } from './bootstrap';

void createWorkerApp();
