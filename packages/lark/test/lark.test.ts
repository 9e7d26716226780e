import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as lark from '../src';

describeProvider(lark);
describeEndToEnd(lark);
