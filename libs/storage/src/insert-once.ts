import { Model } from 'mongoose';

/** MongoDB's duplicate-key error: a unique index already holds this key. */
const DUPLICATE_KEY = 11000;

/**
 * Inserts a document guarded by a unique index. True when this call inserted it, false when
 * the key was already stored: how every idempotent write of the project is made, on MongoDB
 * and on FerretDB alike (upserts with $setOnInsert are not, on FerretDB; see the README).
 */
export async function insertOnce<T>(model: Model<T>, document: T): Promise<boolean> {
  try {
    await model.create(document);

    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === DUPLICATE_KEY) return false;

    throw error;
  }
}
