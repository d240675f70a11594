{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAc4tgVFbRyXMu9pT6UTlzO2XoBLpJa8L9n2qe66NrKk0=",
  "publicKeyFingerprint" : "c2ad7f92347aa2a6b78f44529d999e4f3d8c21040291b6bcabfa4411f25a4db6",
  "report" : "household-two-currencies.html",
  "reportSha256" : "7b6bd4e206277cde6188513b54ebc2920ffc123eb8e13aa5750fd48e3a62df5f",
  "verifiedThroughPosition" : 686,
  "headHash" : "0bc4e6f7417588171d81ec5e2d69936bee1d35a07fb5f47953fc7de0d341ec52",
  "signature" : "CssKoZringAoLpaaniQFSqU2y938yndzPYg/7tZhaf+PJjqB7wl8E1JKLdyNfvolUyvSzbgZ8LXLbqAvtvwBDw=="
}