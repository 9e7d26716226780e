import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as baidu from '../src';

describeProvider(baidu);
describeEndToEnd(baidu);
