// The SMTP transport the reminders go through: AP_SMTP_URL, or none (reminders off).
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';

export const reminderMail = (config: Pick<Config, 'reminders'>): Transporter | undefined =>
  config.reminders.smtpUrl ? nodemailer.createTransport(config.reminders.smtpUrl) : undefined;
