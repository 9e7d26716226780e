import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as gitee from '../src';

describeProvider(gitee);
describeEndToEnd(gitee);
