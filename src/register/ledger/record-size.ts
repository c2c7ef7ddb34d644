/** How many events the record holds: it grows with every change, so it versions cached pages. */
export { countEvents } from '../../store/record-repository.js';
