// The simulation's module Web Worker: it owns the model; the page only renders.
import { expose } from 'comlink';
import { api } from './api.ts';

expose(api);
