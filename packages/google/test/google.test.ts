import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as google from '../src';

describeProvider(google);
describeEndToEnd(google);
