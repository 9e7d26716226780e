import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as douyin from '../src';

describeProvider(douyin);
describeEndToEnd(douyin);
