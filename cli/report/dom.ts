// The document the report's charts are built in, in Node: linkedom's. lab/ builds charts in the
// document its caller passes; the browser passes its own.
import { parseHTML } from 'linkedom';

export const nodeDocument = (): Document => parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
