import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as weibo from '../src';

describeProvider(weibo);
describeEndToEnd(weibo);
