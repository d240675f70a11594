{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAbLVi4vK2zuxXPYl7EqARht5dfHUXubDp+JnK8vXJg3Y=",
  "publicKeyFingerprint" : "e16de2f9057eeacada089ff0cf6e1eaccfe27c6244359dbda4e76960f4a19db1",
  "report" : "audit-case.html",
  "reportSha256" : "640e6ec0db9c44becbb181f960927047007598379f11322f30b9a93a49e4f609",
  "verifiedThroughPosition" : 625,
  "headHash" : "d142bacae07f34986d04efea47846c99cb4966157aaf9d3097dfaa68dc417ef6",
  "signature" : "Sl+ZckQy1dPc1dBsckii2IZguMuuw8zTDrMShm6/emX47a6V6Wo7+8het/SP2QgxF4eKnMY8bRUoTpzdhaAuBA=="
}