import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as oppo from '../src';

describeProvider(oppo);
describeEndToEnd(oppo);
