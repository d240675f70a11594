{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA7lwDroFzm29xXtOs/ehslV0PM+yiZeabQT/twwIzW+U=",
  "publicKeyFingerprint" : "9f6a86efb15a7511d51b7d82452259fbbd52416fbc806845e10f2402accdf1e6",
  "report" : "household-two-currencies.html",
  "reportSha256" : "c2fa31184465d5351552f4007fb503337c712a805a6821d0ac40367b74af01a2",
  "verifiedThroughPosition" : 686,
  "headHash" : "ef89addcbe9958c873aa38a256e4b526b2b0eea9d1deda7841218bc99e548d00",
  "signature" : "NVKUBKSlQq+86DQvQulXPChR6ARel0vTX9MoazEZPS0dVI11jCqI5PP/ysck1I5b7gaEdXiET+qYJXtIfWHuCA=="
}