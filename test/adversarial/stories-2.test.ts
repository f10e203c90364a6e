import { sweep } from './story-sweep.js';

sweep(2, 3);
