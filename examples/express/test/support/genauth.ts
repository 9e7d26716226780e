/** The kit's emulator + demo client (`@passport-genauth/testing`), plus what this suite adds. */
export { demoClient, startGenAuth, type TestGenAuth } from '@passport-genauth/testing';
