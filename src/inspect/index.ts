/** The picture of a topic: what `kafka-tutor inspect` draws and the lesson engine shows at key moments. */
export { readTopicPicture, type TopicPicture, type PartitionLog, type GroupPicture, type GroupPosition, type GroupState, type ReadPictureOptions } from '../kafka/topic-picture.js';
export { renderTopicPicture, type RenderOptions } from './render.js';
export { shouldColor } from './run.js';
