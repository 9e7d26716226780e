import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as gitlab from '../src';

describeProvider(gitlab);
describeEndToEnd(gitlab);
