#!/usr/bin/env node
// Speaks a text with eSpeak NG and writes the WAV to stdout: `node espeak-wav.mjs <voice>`, the
// text (UTF-8) on stdin. eSpeak NG (the npm package espeak-ng, compiled to WebAssembly) is
// GPL-3.0 and Switchboard is MIT, so it runs only as this separate program, never imported by the
// server: the server starts this file as a child process, hands it arguments and reads the audio.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import ESpeakNg from 'espeak-ng';

const voice = process.argv[2];
if (!voice || !/^[a-z-]{2,12}$/.test(voice)) {
  process.stderr.write('usage: espeak-wav.mjs <voice>  (text on stdin)\n');
  process.exit(2);
}
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString('utf8');

const errors = [];
// The text goes in as a file of the program's own (in-memory) file system: passed as an
// argument, a text that starts with "-" would be read as an option.
const espeak = await ESpeakNg({
  arguments: ['-b', '1', '-v', voice, '-w', '/out.wav', '-f', '/in.txt'],
  preRun: [(module) => module.FS.writeFile('/in.txt', text)],
  print: () => {},
  printErr: (line) => errors.push(line),
});
let wav;
try {
  wav = espeak.FS.readFile('/out.wav');
} catch {
  process.stderr.write(`espeak-ng made no audio: ${errors.join(' ')}\n`);
  process.exit(1);
}
process.stdout.write(wav);
