import { sweep } from './story-sweep.js';

sweep(3, 3);
