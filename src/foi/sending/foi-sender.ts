// What a request looks like as an email, and the one interface through which requests leave
// simwatch. The register records a request as sent only once a sender has accepted it.

import { statutoryWorkingDays } from '../deadlines/request-deadline.js';

/** One request as an email to an authority's FOI address. */
export interface OutgoingRequest {
  /** The request's reference (`SW-FOI-000123`), also put in the subject and the Message-ID. */
  ref: string;
  to: string;
  subject: string;
  text: string;
  /** For a follow-up: the Message-ID of the message it answers. */
  inReplyTo?: string;
}

/** Sends requests; `messageId` is the Message-ID the message went out with. */
export interface FoiSender {
  send(message: OutgoingRequest): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

/** The subject line of a request: its own subject with the reference, for matching replies. */
export function requestSubject(subject: string, ref: string): string {
  return `Freedom of Information request: ${oneLine(subject)} [${ref}]`;
}

/**
 * A request's text as sent anywhere (by email or through WhatDoTheyKnow): the body, then the
 * reference and the statutory deadline sentence.
 */
export function requestText(body: string, ref: string): string {
  const text = body.replace(/\r\n?/g, '\n').trim();
  return `${text}

Reference: ${ref} (please quote it in your reply)
This is a request for information under the Freedom of Information Act 2000: section 10 requires you to answer promptly and no later than the ${String(statutoryWorkingDays)}th working day after you receive it.
`;
}

/** The email for one request to one authority; a greeting naming the organisation is added unless the body has one. */
export function composeRequestEmail(
  request: { ref: string; subject: string; body: string; organisationName: string },
  to: string,
): OutgoingRequest {
  const body = /^\s*(dear|to)\b/i.test(request.body)
    ? request.body
    : `Dear ${oneLine(request.organisationName)},\n\n${request.body.trim()}`;
  return {
    ref: request.ref,
    to: to.trim(),
    subject: requestSubject(request.subject, request.ref),
    text: requestText(body, request.ref),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
