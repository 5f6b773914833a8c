import { checkIdDocument, documentHashInput, maskDocumentNumber, type IdDocumentKind } from '@hallflow/shared';
import type { Db, Tx } from '../../db/connection.ts';
import { invalidField } from '../../core/errors.ts';
import { idNumberHash } from './personal-data.ts';

export interface CheckedDocument {
  idType: IdDocumentKind;
  /** Normalised; never stored. */
  number: string;
}

/**
 * DC1, DC2: a visitor's identity document, checked by its kind's format. A
 * number that is not is a 400 naming `body/idNumber` and what is wrong, in
 * Chinese and English. Nothing is read or written.
 */
export function checkedDocument(body: { idType?: IdDocumentKind; idNumber: string }, now: Date): CheckedDocument {
  const idType = body.idType ?? 'resident';
  const check = checkIdDocument(idType, body.idNumber, now);
  if (!check.ok) throw invalidField('idNumber', { zh: `证件号码有误：${check.zh}`, en: `is not a valid ${idType} number: ${check.en}` });
  return { idType, number: check.number };
}

/** DC3, P3: what the server keeps of a document: its kind, a keyed hash (the per-day limit and look-ups) and the masked number. */
export function keptIdentity(db: Db | Tx, document: CheckedDocument): { idType: IdDocumentKind; idHash: string; idMasked: string } {
  return { idType: document.idType, idHash: idNumberHash(db, documentHashInput(document.idType, document.number)), idMasked: maskDocumentNumber(document.idType, document.number) };
}
