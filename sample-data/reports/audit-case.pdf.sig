{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEALjXVrRQEwJoGgOuHgGRm1T/NLXmv7z+cykSRCigheHk=",
  "publicKeyFingerprint" : "3b36961fa8dc34f7f2175f4591dd288bccc84e4d0eb2d3cb0d78ceb56b553e86",
  "report" : "audit-case.pdf",
  "reportSha256" : "8011c4c958095a4e8c0b467898cfcedf7ba7f0490230d15fe2672a01e8dc6abf",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "H2jXxDNZoy2Q/GsHvTaYYsMk2NO42oTAq7BexesCthZliRM8s3ZeqG2icCw5Y8na9zWDCP2fLdCIwz7QGebUCA=="
}