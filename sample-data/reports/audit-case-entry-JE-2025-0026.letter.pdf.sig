{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAc4tgVFbRyXMu9pT6UTlzO2XoBLpJa8L9n2qe66NrKk0=",
  "publicKeyFingerprint" : "c2ad7f92347aa2a6b78f44529d999e4f3d8c21040291b6bcabfa4411f25a4db6",
  "report" : "audit-case-entry-JE-2025-0026.letter.pdf",
  "reportSha256" : "3dbf2cebc09211c45efe904e657a9f0903cefd851c0740641cf3da6f9daf6593",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "kBPccuJtzK6wcrWK6iHdhcyQsEHkEV8C7Se6QfjtPkvpxNCxeuHweEGMZFLizLGqs9NZ9nQ5UWuvqoK6qw4mAA=="
}