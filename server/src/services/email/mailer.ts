export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Where emails leave (SMTP in the server; anything that can fail in tests). */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}
