import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as dingtalk from '../src';

describeProvider(dingtalk);
describeEndToEnd(dingtalk);
