/**
 * One call for the lesson engine: read a topic's picture with a short-lived admin
 * client and return the drawing.
 */
import type { Kafka } from 'kafkajs';
import { readTopicPicture, type ReadPictureOptions } from '../kafka/topic-picture.js';
import { renderTopicPicture, type RenderOptions } from './render.js';

/**
 * Connects an admin client of `kafka`, reads `topic`'s picture, disconnects and renders it.
 * kafkajs errors are passed on unchanged (give them to `explainKafkaError`).
 *
 * @example
 *   const text = await drawTopicPicture(kafka, 'client3', {
 *     groups: ['client3-commit-x1'], width: 80, color: true,
 *     highlight: { partition: 0, offset: 4, label: 're-delivered' },
 *   });
 */
export async function drawTopicPicture(kafka: Kafka, topic: string, options: RenderOptions & ReadPictureOptions): Promise<string> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return renderTopicPicture(await readTopicPicture(admin, topic, { groups: options.groups }), options);
  } finally {
    await admin.disconnect();
  }
}
