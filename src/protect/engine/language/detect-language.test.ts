import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['Your parcel is waiting, please pay the fee to release it today', 'en', true],
    [
      'Hola, su paquete está retenido. Pague la tarifa para recibir su envío en su casa',
      'es',
      false,
    ],
    [
      'Bonjour, votre colis est en attente. Merci de payer les frais pour la livraison',
      'fr',
      false,
    ],
    [
      'Hallo, Ihr Paket wartet. Bitte zahlen Sie die Gebühr für die Zustellung an Ihre Adresse',
      'de',
      false,
    ],
    ['お荷物のお届けにあがりましたが不在の為持ち帰りました。', 'ja', false],
    ['आपका खाता बंद कर दिया जाएगा कृपया अपना केवाईसी अपडेट करें', 'hi', false],
    [
      'Bhai kya tum mujhe paise bhej sakte ho, mera phone kharab hai aur yeh naya number hai',
      'hi',
      false,
    ],
  ])('%j → %s', (text, code, supported) => {
    expect(detectLanguage(text)).toEqual({ code, supported });
  });

  it('does not call short or code-like texts foreign', () => {
    expect(detectLanguage('482913').supported).toBe(true);
    expect(detectLanguage('ok thx').supported).toBe(true);
    expect(detectLanguage('https://example.org/a?b=c').supported).toBe(true);
  });
});
