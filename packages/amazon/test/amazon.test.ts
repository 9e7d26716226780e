import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as amazon from '../src';

describeProvider(amazon);
describeEndToEnd(amazon);
