import Stripe from 'stripe';

const apiKey = process.env.STRIPE_API_KEY;
if (!apiKey) throw new Error('STRIPE_API_KEY no esta configurada');

export const stripe = new Stripe(apiKey, { maxNetworkRetries: 3 });
export const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? '';
