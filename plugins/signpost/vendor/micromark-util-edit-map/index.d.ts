import type { Event } from 'micromark-util-types';
import { EditMap as UpstreamEditMap } from 'micromark-util-edit-map';

/** micromark's `EditMap`, whose `consume` edits the list of events in place (index.js). */
export declare class EditMap extends UpstreamEditMap {
  consume(events: Array<Event>): undefined;
}
