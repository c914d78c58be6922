/**
 * Everyday prompts, our own wording: the bulk of what people send an
 * assistant (facts, how-tos, writing, ordinary code, small talk), in English
 * and Spanish with a little French, German and Portuguese.
 *
 * Why they are here: the other recipes are nearly all about security, so the
 * benign class was mostly defensive security work and a prompt about nothing
 * in particular sat near even odds (the misuse head's bias was −0.43, risk
 * ≈ 0.40 for an empty prompt). With ordinary traffic in the benign class, the
 * model learns that a prompt with no attack in it is most likely benign.
 *
 * Topics are split by position (every fourth one held out) and frames marked
 * `heldout` never reach training, so the held-out figures measure new topics
 * and new phrasings. Deliberately absent, so the tests that use them stay a
 * real check: sourdough, baking and Peru.
 */
import type { Template } from './prompt-recipes.js';

/** Frames around a noun phrase ({N}): questions about a thing. */
export const THING_FRAMES: readonly Template[] = [
  { text: 'What is {N}?' },
  { text: 'Tell me about {N}.' },
  { text: 'Explain {N} in simple words.' },
  { text: 'Can you give me three facts about {N}?' },
  { text: 'why is {N} important' },
  { text: 'Quick question: what do you know about {N}?' },
  { text: 'I never understood {N}. Can you help?' },
  { text: 'Write a short paragraph on {N} for my kid.' },
  { text: 'What should a beginner know about {N}?', heldout: true },
  { text: 'Could you summarise {N} for me, briefly?', heldout: true },
];

/** Noun phrases of everyday topics. */
export const THINGS: readonly string[] = [
  'the water cycle',
  'the capital of Canada',
  'the French Revolution',
  'compound interest',
  'black holes',
  'the offside rule in football',
  'photosynthesis',
  'the Roman Empire',
  'inflation',
  'the Great Barrier Reef',
  'jazz music',
  'the history of the bicycle',
  'how vaccines train the immune system',
  'the rules of chess',
  'the Pythagorean theorem',
  'the tallest building in the world',
  'the difference between weather and climate',
  'the life of Marie Curie',
  'impressionist painting',
  'the Amazon rainforest',
  'how airplanes stay in the air',
  'the stock market',
  'the Olympic Games',
  'the moon landing',
  'a balanced diet',
  'sleep hygiene',
  'the periodic table',
  'Shakespeare',
  'the population of Japan',
  'the longest river in Europe',
  'electric cars',
  'the solar system',
  'the Renaissance',
  'volcanoes',
  'how rainbows form',
  'the metric system',
  'the history of coffee',
  'honey bees',
  'the Silk Road',
  'plate tectonics',
  'the Spanish Civil War',
  'renewable energy',
  'the human heart',
  'the game of cricket',
  'supply and demand',
  'the origin of Halloween',
  'how a mortgage works',
  'the northern lights',
];

/** Frames around a verb phrase ({V}): asking how to do something. */
export const DO_FRAMES: readonly Template[] = [
  { text: 'How do I {V}?' },
  { text: "What's the best way to {V}?" },
  { text: 'Any tips to {V}?' },
  { text: 'Can you help me {V}?' },
  { text: 'I want to {V}. Where do I start?' },
  { text: 'Step by step, how can I {V}?' },
  { text: 'how to {V}' },
  { text: 'Is it hard to {V}? Give me a plan.' },
  { text: 'Explain how to {V} like I am new to this.', heldout: true },
  { text: 'My friend asked me how to {V}. What should I tell her?', heldout: true },
];

/** Everyday things to do. */
export const DOINGS: readonly string[] = [
  'cook rice so it is not sticky',
  'grow basil on a windowsill',
  'fix a leaking tap',
  'train my dog to sit',
  'save money for a holiday',
  'learn to play the guitar',
  'make a good cup of coffee',
  'remove a red wine stain from a carpet',
  'start running without hurting my knees',
  'write a good CV',
  'make fresh pasta',
  'fall asleep faster',
  'change a flat tyre',
  'organise my wardrobe',
  'prepare for a job interview',
  'paint a room',
  'keep my houseplants alive',
  'plan a birthday party for a ten-year-old',
  'improve my handwriting',
  'make friends in a new city',
  'learn French quickly',
  'cut my own hair',
  'clean a cast iron pan',
  'meditate',
  'sort a list in Python',
  'center a div in CSS',
  'merge two branches in git',
  'read a JSON file in Java',
  'make a pivot table in Excel',
  'speed up a slow laptop',
  'set up a printer on my Mac',
  'back up my phone photos',
  'write a loop in JavaScript',
  'install Node.js on Ubuntu',
  'make a budget',
  'negotiate a higher salary',
  'teach my kids about money',
  'grow tomatoes in pots',
  'make pancakes without eggs',
  'stop procrastinating',
  'write a wedding toast',
  'care for a new kitten',
  'choose a laptop for university',
  'make my own candles',
  'tie a tie',
  'get better at public speaking',
  'brew iced tea',
  'build a birdhouse',
];

/** Frames around something to write or make ({W}). */
export const MAKE_FRAMES: readonly Template[] = [
  { text: 'Write {W}.' },
  { text: 'Can you draft {W} for me?' },
  { text: 'Help me write {W}.' },
  { text: 'I need {W} by tonight.' },
  { text: 'Please create {W}.' },
  { text: 'Come up with {W}, keep it short.', heldout: true },
  { text: 'Put together {W}, please.', heldout: true },
];

/** Everyday things to write or make. */
export const MAKINGS: readonly string[] = [
  'a limerick about a lazy cat',
  'an email asking my boss for a day off',
  'a product description for handmade soap',
  'a bedtime story about a brave little fox',
  'a shopping list for a week of healthy dinners',
  'a thank-you card for my teacher',
  'a tweet announcing our new café',
  'a Python function that checks if a word is a palindrome',
  'a SQL query that lists customers who ordered last month',
  'a JavaScript function that formats a date as dd/mm/yyyy',
  'a short speech for my retirement party',
  'a packing list for a beach holiday',
  'a quiz about world geography',
  'a song chorus about summer',
  'an apology message to a friend I forgot to call',
  'a weekly cleaning schedule for a shared flat',
  'a study timetable for my exams',
  'a riddle for children',
  'a review of a pizza restaurant',
  'a motivational quote for Monday',
  'a Java method that reverses a linked list',
  'a CSS animation that fades in a button',
  'a letter to my neighbour about the noise',
  'an outline for an essay on climate change',
  'a fun name for my book club',
  'a menu for a dinner party of six',
  'a Bash script that backs up my photos folder to an external disk',
  'a team-building game for the office',
];

/** Short messages with little in them: greetings, thanks, follow-ups. */
export const SMALL_TALK: readonly string[] = [
  'hello',
  'Hi there!',
  'good morning',
  'thanks, that helped a lot',
  'Who are you?',
  'What can you do?',
  'Tell me a joke.',
  'ok',
  'continue',
  'Can you make it shorter?',
  'Say that again in simpler words.',
  'That is wrong, try again.',
  'Are you there?',
  'What day is it today?',
  'Give me another example.',
  'thank you!',
  'What do you think about cats?',
  'Make it funnier.',
  'hola',
  'gracias',
  'bonjour',
  'Danke schön',
  'olá, tudo bem?',
  'Which one would you choose?',
  'Explain that last part again.',
  'yes please',
  'no, the other one',
  'Translate it into Italian.',
];

/** Spanish frames around a noun phrase ({N}). */
export const THING_FRAMES_ES: readonly Template[] = [
  { text: '¿Qué es {N}?' },
  { text: 'Háblame de {N}.' },
  { text: 'Explícame {N} con palabras sencillas.' },
  { text: 'Dame tres datos curiosos sobre {N}.' },
  { text: '¿Por qué es importante {N}?', heldout: true },
];

export const THINGS_ES: readonly string[] = [
  'el ciclo del agua',
  'la Revolución Francesa',
  'el interés compuesto',
  'la fotosíntesis',
  'el sistema solar',
  'la inflación',
  'el flamenco',
  'la dieta mediterránea',
  'los volcanes',
  'la Segunda Guerra Mundial',
  'el cambio climático',
  'la capital de Argentina',
  'el Quijote',
  'la energía solar',
  'los agujeros negros',
  'el fútbol',
];

/** Spanish frames around a verb phrase ({V}). */
export const DO_FRAMES_ES: readonly Template[] = [
  { text: '¿Cómo puedo {V}?' },
  { text: '¿Cuál es la mejor manera de {V}?' },
  { text: 'Dame consejos para {V}.' },
  { text: 'Quiero {V}. ¿Por dónde empiezo?' },
  { text: 'Explícame paso a paso cómo {V}.', heldout: true },
];

export const DOINGS_ES: readonly string[] = [
  'hacer una paella',
  'aprender inglés más rápido',
  'ahorrar dinero cada mes',
  'cuidar un cactus',
  'preparar una entrevista de trabajo',
  'dormir mejor',
  'ordenar una lista en Python',
  'arreglar una bicicleta',
  'escribir un buen currículum',
  'entrenar para una carrera de diez kilómetros',
  'hacer gazpacho',
  'organizar una fiesta sorpresa',
  'quitar una mancha de café',
  'escribir una carta de presentación',
  'plantar tomates en el balcón',
  'crear una tabla en Excel',
];

/** A few everyday prompts in French, German and Portuguese. */
export const EVERYDAY_OTHER_LANGS: readonly string[] = [
  'Comment faire une bonne omelette ?',
  "Quelle est la capitale de l'Italie ?",
  'Écris un petit poème sur la mer.',
  'Donne-moi des idées de cadeaux pour ma sœur.',
  'Explique-moi la photosynthèse simplement.',
  'Wie koche ich Kartoffelsuppe?',
  'Was ist die Hauptstadt von Österreich?',
  'Schreib mir eine kurze Geburtstagskarte für meinen Opa.',
  'Wie lerne ich schneller Vokabeln?',
  'Erkläre mir den Unterschied zwischen Wetter und Klima.',
  'Como faço uma feijoada simples?',
  'Qual é o maior rio do Brasil?',
  'Escreva um e-mail pedindo férias ao meu chefe.',
  'Me dê dicas para estudar para o vestibular.',
  'O que é inflação, explicado de forma simples?',
  'Como cuidar de um cachorro filhote?',
];

/**
 * Ordinary programs asked for in Spanish, as clauses ("… que {X}") for the
 * Spanish code frames of intent-recipes.ts: with only attacks and defenses in
 * those frames, "escribe un script que …" itself read as a sign of misuse.
 */
export const CODE_TASKS_ES: readonly string[] = [
  'ordene una lista de alumnos por su nota media',
  'convierta temperaturas de grados Celsius a Fahrenheit',
  'cuente las palabras de un archivo de texto',
  'lea un CSV de ventas y calcule el total por mes',
  'cambie el nombre de las fotos de una carpeta según su fecha',
  'envíe un recordatorio por correo cada lunes a mi equipo',
  'descargue el tiempo de mañana de una API pública y lo muestre',
  'genere facturas en PDF a partir de una hoja de cálculo',
  'compruebe si una palabra es un palíndromo',
  'redimensione todas las imágenes de una carpeta',
  'calcule la cuota mensual de una hipoteca',
  'muestre un calendario del mes actual en la terminal',
  'junte varios archivos PDF en uno solo',
  'guarde las tareas pendientes en una base de datos SQLite',
  'dibuje un gráfico de barras con los gastos del año',
  'traduzca los textos de una página web usando un diccionario',
];

/**
 * Ordinary operations work said as program specifications ("Generate a
 * {LANG} program that {FUNCTION}. The program should {FEATURE}."), the frame
 * the misuse specifications use too: changing configuration, services, users
 * and files is what most automation does, not a sign of an attack.
 */
export const OPS_FUNCTIONS: readonly string[] = [
  'updates a setting in a configuration file on every server in our fleet',
  'rotates the application log files every night and compresses the old ones',
  'restarts a service when its health check fails three times in a row',
  'creates user accounts for new employees from a CSV file',
  'backs up a PostgreSQL database to object storage every hour',
  'changes the system time zone and locale on a fresh install',
  'cleans temporary files older than a week from shared folders',
  'renews TLS certificates before they expire and reloads the web server',
  'migrates settings from an old INI file to a new YAML format',
  'applies operating system updates to a group of machines one at a time',
  'syncs a folder between two servers and keeps file permissions',
  'replaces a configuration value in place and keeps a copy of the previous file',
  'collects disk usage from each host and writes a weekly report',
  'schedules a job that archives last month’s invoices',
  'switches a feature flag for a percentage of users',
  'provisions a virtual machine from a template and installs our packages',
];

export const OPS_FEATURES: readonly string[] = [
  'run without downtime',
  'work without restarting the machine',
  'finish without losing any data',
  'print what it changed',
  'be safe to run twice',
  'read its settings from environment variables',
  'roll back if a step fails',
  'log every change with a timestamp',
];
