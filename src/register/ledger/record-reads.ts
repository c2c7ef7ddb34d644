/**
 * The record's own reads, for the edges that show or export it: how many events it holds (it
 * grows with every change, so it versions cached pages), its events, leaf hashes and checkpoints.
 */
export {
  countEvents,
  findCheckpoint,
  findLatestCheckpoint,
  listCheckpoints,
  listEvents,
  listLeafHashes,
  readAllEvents,
} from '../../store/record-repository.js';
