import sgMail from '@sendgrid/mail';

sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? '');

export const FROM = process.env.SENDGRID_FROM_EMAIL ?? 'noreply@example.com';
export const mailer = sgMail;
