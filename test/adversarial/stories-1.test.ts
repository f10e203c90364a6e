import { sweep } from './story-sweep.js';

sweep(1, 3);
