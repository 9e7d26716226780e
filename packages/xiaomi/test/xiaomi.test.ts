import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as xiaomi from '../src';

describeProvider(xiaomi);
describeEndToEnd(xiaomi);
