{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEALjXVrRQEwJoGgOuHgGRm1T/NLXmv7z+cykSRCigheHk=",
  "publicKeyFingerprint" : "3b36961fa8dc34f7f2175f4591dd288bccc84e4d0eb2d3cb0d78ceb56b553e86",
  "report" : "small-business-checking-Q2.pdf",
  "reportSha256" : "388c569ca8e5ba719ee898e4f39c0f9eeb834060b3bf7f5fec96d09dfb9d4cc7",
  "verifiedThroughPosition" : 762,
  "headHash" : "20453ce825eaa30b83a7a257d316cc2b2a9130c3304c93cae1e2f6efcf9c35d6",
  "signature" : "sFQsQBpu1/SEvA3chwTwCkHzdnOKUp4hC3h8iU+RlaP/nIYK59LJa/WJM7NIcGknj2L20K0r+Wqmu93S7LNiBg=="
}