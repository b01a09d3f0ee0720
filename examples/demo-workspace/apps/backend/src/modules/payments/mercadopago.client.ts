import { MercadoPagoConfig, Payment } from 'mercadopago';

// Token de acceso del vendedor (modo sandbox en desarrollo).
const client = new MercadoPagoConfig({ accessToken: process.env.mpAccessToken ?? '' });

export const payments = new Payment(client);
