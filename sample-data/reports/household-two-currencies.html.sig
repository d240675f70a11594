{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEALjXVrRQEwJoGgOuHgGRm1T/NLXmv7z+cykSRCigheHk=",
  "publicKeyFingerprint" : "3b36961fa8dc34f7f2175f4591dd288bccc84e4d0eb2d3cb0d78ceb56b553e86",
  "report" : "household-two-currencies.html",
  "reportSha256" : "2153f277d65d0a787722f19ffecb6abf57a787fcb003032231f2ee148c8e80a9",
  "verifiedThroughPosition" : 702,
  "headHash" : "7ad2ccdeddbda8ec6b2181b5ea2f62fc6b9f0e7331c6a177855c91bce2e8c7bd",
  "signature" : "xRY1EY/+AzaoBJ8L+nqBTmGld1dIqWA0hF7+XojJmnFTXeA30VUM3n7+7WGK1JYTx9kU0YJ+E+pgmASl/PRFDw=="
}